from quest_rt.cli import entry

entry()
