"""Printed papers of consignment sales of members' produce and their payouts."""
