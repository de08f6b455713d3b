import sys

from counterdesk.launcher import main

sys.exit(main())
