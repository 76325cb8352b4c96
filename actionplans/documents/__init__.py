"""The machinery every document of this app shares: an action plan and a progress report
are each described once (`shape`), and that description drives their forms, API,
validation, stored versions, display and comparison; versions, workflow steps and crossed
saves work the same for both (`kind`, `writing`, `workflow`)."""
