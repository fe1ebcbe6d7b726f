"""Annotating in the reader: the controller that takes an annotation from its key to the
form, the edit, the store and the repaint of what changed (:mod:`.controller`), and the
saver that writes, undoes and reports (:mod:`.saver`)."""
