from briefing.launch import main

raise SystemExit(main())
