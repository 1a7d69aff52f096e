"Errors as values: the Error trait user exception types implement, and a ready-made one."

pub trait Error "What a raisable user type provides."
  fun message()
  fun str()
end

pub type BasicError "A plain error carrying a message."
  pub message: Str

  impl Error
    fun message() self.message end
    fun str() "BasicError: " .. self.message end
  end
end
