"""協働デスク (kyodo-desktop): records, plan, grant accounting and forms of a 地域づくり協議会.

Layers (each imports only those below it): ``ui`` (the only Qt package) → ``reports``/``io`` →
``services`` → ``store`` → ``domain``. See docs/ARCHITECTURE.md.
"""

__version__ = "0.1.0"
APP_NAME = "kyodo-desktop"
