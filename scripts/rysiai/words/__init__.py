"""Words every part of Ryšiai shares: names, phones and e-mails, dates, ids, the walk over a record's texts."""
