import sys

from .pack import main

sys.exit(main())
