"""podium: multi-class motor-racing championships, scored from rules written as data."""

__version__ = "0.1.0"
