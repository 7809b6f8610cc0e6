"""The `rysiai` subcommands, one module per family; cli.py assembles them.

A command module defines its arguments at import and loads the library only when it runs: so
`rysiai --help`, `--version` and a command's `--help` load none of the library (start-up, README).
"""
