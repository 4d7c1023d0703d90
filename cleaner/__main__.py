from cleaner.cli import main

raise SystemExit(main())
