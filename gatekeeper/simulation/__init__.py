"""Realistic gate traffic driven through the real services."""
