"""Phase-2 monitoring: reporting periods, progress reports, the coordinators' dashboard,
exports, reminders and the public results."""
