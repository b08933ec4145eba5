"""Review outside the application: a briefing out to XLIFF 2 or a bilingual review DOCX, and back in as one
reviewed diff (`review.ReviewDiff`) applied as one undoable edit."""
