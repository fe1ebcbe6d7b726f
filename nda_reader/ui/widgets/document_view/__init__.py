"""The document view: :class:`DocumentView` (``widget``) and the parts it is made of.

``canvas`` shows a document with a reading cursor (layout, Line API, cursor placement),
``painter`` paints its lines, ``widget`` adds keys and mouse, ``bindings`` lists the keys.
Where the cursor goes and how a selection grows is reading logic
(:mod:`nda_reader.reading.navigation`, :mod:`nda_reader.reading.selecting`). Only
:class:`DocumentView` is re-exported here.
"""

from nda_reader.ui.widgets.document_view.widget import DocumentView

__all__ = ["DocumentView"]
