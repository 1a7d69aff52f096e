"""Every node's line and column point at its first token (spec: 1-based, keywords included).

The source starts with a blank line, so a node left at a default line 1 shows up. For each
node the test reads the source at the node's position and checks what must be there.
"""

from __future__ import annotations

from quest_rt.syntax import ast
from quest_rt.syntax.parser import parse, parse_expression

from .support import walk

SOURCE = '''
use "std/web" as web {a, b as c}
pub let x = 1, y: Int? = -2.5
const LIMIT = 0xFF
const BIG = 12n
@deco.Timing(1, tag: "t")
@Plain
fun decorated() 1 end
% fun decorated() -> Int "doc"
pub fun f(a, b: Str = "s", *rest, **opts) -> Int
  "doc"
  x += a[0] .. b.c
  g(1, *xs, k: v, **d)
  return not a and b or c ?: d
end
type Account "doc"
  pub owner: Str
  history = []
  fun self.open(o) Account.new(owner: o) end
  impl fmt.Show
    fun show() f"{owner:>5}" end
  end
end
trait T
  fun m(p) -> Str
end
if x == 1
  y = [1, 2; 3, 4]
elif x
  z = {"k": true, n: nil}
else
  w = ~x | 1
end
while x break end
for i, j in 0 to 10 step 2 continue end
match x
in 1, 2
  "a"
in 3 until 9 step 3
  'b'
else
  """c"""
end
try
  raise ValueErr.new("m")
catch e: mod.Err
  raise
ensure
  del x
end
with open() as r, other() r end
h = fun (q) q ? Int : b"x" end
s = "v=#{x + 1}!"
'''

#: What the source must show at each kind of node's position.
KEYWORD_AT = {
    ast.Let: ("let", "pub"),
    ast.Const: ("const",),
    ast.FunDecl: ("fun", "pub", "@"),
    ast.TypeDecl: ("type",),
    ast.TraitDecl: ("trait",),
    ast.TraitMethod: ("fun",),
    ast.Impl: ("impl",),
    ast.If: ("if",),
    ast.IfBranch: ("if", "elif"),
    ast.While: ("while",),
    ast.For: ("for",),
    ast.Match: ("match",),
    ast.MatchArm: ("in",),
    ast.Try: ("try",),
    ast.Catch: ("catch",),
    ast.With: ("with",),
    ast.Use: ("use",),
    ast.Del: ("del",),
    ast.Return: ("return",),
    ast.Raise: ("raise",),
    ast.Break: ("break",),
    ast.Continue: ("continue",),
    ast.Lambda: ("fun",),
    ast.Not: ("not",),
    ast.ArrayLit: ("[",),
    ast.MatrixLit: ("[",),
    ast.DictLit: ("{",),
    ast.Nil: ("nil",),
    ast.FStr: ('f"', "f'"),
    ast.FStrPart: ("{",),
    ast.Decorator: ("@",),
    ast.DocDecl: ("%",),
    ast.Bytes: ('b"', "b'"),
    ast.Str: ('"', "'"),
    ast.Interp: ('"',),
}

#: Nodes that start where one of their children starts.
STARTS_WITH_CHILD = {
    ast.Binary: "left",
    ast.Logical: "left",
    ast.Elvis: "left",
    ast.Ternary: "cond",
    ast.Call: "func",
    ast.MethodCall: "obj",
    ast.Member: "obj",
    ast.Index: "obj",
    ast.Assign: "target",
    ast.ExprStmt: "expr",
    ast.Range: "start",
    ast.WithItem: "expr",
}


def text_at(source: str, node: ast.Node) -> str:
    return source.split("\n")[node.line - 1][node.col - 1 :]


def check_node(source: str, node: ast.Node) -> None:
    at = text_at(source, node)
    kind = type(node)
    if kind in KEYWORD_AT:
        assert at.startswith(KEYWORD_AT[kind]), (node, at)
    elif kind in STARTS_WITH_CHILD:
        child = getattr(node, STARTS_WITH_CHILD[kind])
        assert (node.line, node.col) == (child.line, child.col), node
    elif isinstance(node, ast.Name | ast.TypeName):
        assert at.startswith(node.name), (node, at)
    elif isinstance(node, ast.Int | ast.Float | ast.BigInt):
        assert at[0].isdigit(), (node, at)
    elif isinstance(node, ast.Bool):
        assert at.startswith(str(node.value).lower()), (node, at)
    elif isinstance(node, ast.Unary):
        assert at.startswith(node.op), (node, at)
    elif isinstance(node, ast.LetBinding | ast.ImportName | ast.Field | ast.TypeRef):
        assert at.startswith(("pub", getattr(node, "module", None) or node.name)), (node, at)
    elif isinstance(node, ast.Param):
        assert at.lstrip("*").startswith(node.name), (node, at)
    elif isinstance(node, ast.Arg) and node.kind == "pos":
        assert (node.line, node.col) == (node.value.line, node.value.col)
    elif isinstance(node, ast.Arg):
        assert at.startswith(node.name or ("**" if node.kind == "dstar" else "*")), (node, at)
    else:
        raise AssertionError(f"no position rule for {kind.__name__}")


def test_every_node_points_at_its_first_token():
    module = parse(SOURCE, "p.q")
    assert (module.line, module.col) == (1, 1)
    nodes = list(walk(module.body))
    for node in nodes:
        assert node.line >= 2, f"{node} was left on line 1"
        check_node(SOURCE, node)


def test_the_source_covers_every_node_type():
    template_nodes = {
        ast.Template,
        ast.TText,
        ast.TOutput,
        ast.TIf,
        ast.TIfBranch,
        ast.TFor,
        ast.Module,
    }
    abstract = {ast.Node, ast.Expr, ast.Stmt}
    every = {
        cls
        for cls in vars(ast).values()
        if isinstance(cls, type) and issubclass(cls, ast.Node)
    }
    seen = {type(n) for n in walk(parse(SOURCE, "p.q").body)}
    assert every - template_nodes - abstract - seen == set()


def test_interpolated_expression_positions():
    (stmt,) = parse('\n  s = "a #{ b.c(1) } d"', "p.q").body
    call = stmt.value.parts[1]
    assert (call.line, call.col) == (2, 13)
    assert (call.obj.line, call.obj.col) == (2, 13)
    assert (call.args[0].line, call.args[0].col) == (2, 17)


def test_parse_expression_offsets_the_first_line_only():
    node = parse_expression("a +\n  b", "p.q", line=10, col=7)
    assert (node.line, node.col) == (10, 7)
    assert (node.right.line, node.right.col) == (11, 3)


def test_multi_line_tokens_keep_following_positions_right():
    source = '\nx = """one\ntwo"""  y = 3\n'
    first, second = parse(source, "p.q").body
    assert (first.value.line, first.value.col) == (2, 5)
    assert (second.line, second.col) == (3, 9)
