"""cleaner: repairs text after the fact, and shows its work as reviewable edits.

>>> from cleaner import clean
>>> clean("Hello ,world")
'Hello, world'
"""

from cleaner.config import Config
from cleaner.edits import Edit, apply_edits
from cleaner.pipeline import clean, propose

__all__ = ["Config", "Edit", "apply_edits", "clean", "propose"]
__version__ = "0.1.0"
