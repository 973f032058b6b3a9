"""One page per sidebar area. Each page is a QWidget built with an injected
:class:`~kyodo_desktop.ui.context.AppContext`."""
