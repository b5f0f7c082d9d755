import sys

from corpuskit.cli import main

sys.exit(main())
