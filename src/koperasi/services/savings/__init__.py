"""Members' savings: deposits, withdrawals, reversals, rates, balances and arrears."""
