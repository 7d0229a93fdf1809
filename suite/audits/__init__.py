"""Axe-core accessibility audits of every page the scenarios reach (Section 508, WCAG 2.1 AA)."""
