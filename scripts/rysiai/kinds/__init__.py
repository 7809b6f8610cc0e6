"""What each kind of record does beyond its fields, read from the kind datapackage.yaml gives
each collection (schema/kind.py): people and organisations, calendar entries, deadlines and
tasks, agreements, meetings with decision drafts. The one place that knows which collection is
which; every other part asks here instead of naming a collection."""
