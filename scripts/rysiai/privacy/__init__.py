"""Personal data: finding people in text, the subject-access report, erasure, the public view and
its checks, and the rules of the public site."""
