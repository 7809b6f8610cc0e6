"""The mayor's brief: what the week ahead holds and what changed in the register, as data
(sections.py, model.py) and as Markdown (markdown.py); the site renders it as HTML."""

from .model import Brief, Period, coming_week
from .sections import SECTIONS, build_brief

__all__ = ["SECTIONS", "Brief", "Period", "build_brief", "coming_week"]
