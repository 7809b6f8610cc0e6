"""Reports: figures of the register as charts and a map of partner towns (static SVG, no script)."""
