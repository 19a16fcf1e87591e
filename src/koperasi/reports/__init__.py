"""Printed documents (PDF), built from plain domain data with ReportLab."""
