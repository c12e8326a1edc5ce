"""Use cases: each action of the method is one function here, called alike by a key on the board,
a dialog, and the command line. Effects come from `domain/` rules; records go through `store/`.

Screens and widgets call these and never import the store.
"""
