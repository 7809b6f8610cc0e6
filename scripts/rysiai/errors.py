"""The one exception family of the library; the CLI turns it into a message and an exit code."""


class RysiaiError(Exception):
    """A problem that stops a command from running at all (not a finding about a record)."""


class RepositoryNotFound(RysiaiError):
    """No data repository (a folder holding datapackage.yaml) where one was looked for."""


class SchemaError(RysiaiError):
    """datapackage.yaml cannot be read or does not describe the collections Ryšiai needs."""


class InvalidData(RysiaiError):
    """The records have errors, so the command stops (a site is not built). Carries the report."""

    def __init__(self, report):
        super().__init__(f"the data has {len(report.errors)} error(s)")
        self.report = report
