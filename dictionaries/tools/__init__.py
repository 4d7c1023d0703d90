"""The scripts that build the shipped lists (see dictionaries/README.md).

Run from the repository root; a package only so that the tests can import
them. Not installed: the wheel carries the lists, not how they were made.
"""
