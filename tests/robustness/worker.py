"""A clerk in a separate process, for the crash and concurrency tests (docs/robustness.md).

    python -m tests.robustness.worker --db URL --plan JSON --mode repay|sell|mix --count N [--start-at T]

It opens the database, prints ``ready``, waits until ``--start-at`` (epoch seconds) so that several
workers start together, then saves ``--count`` documents (0: until killed) through the services, one
transaction each, printing a line for each one AFTER the service returned, i.e. after the commit:

    repay <loan id> <request id> <receipt number> <amount>
    member <member number>
    sale <request id> <note number>
    refused <error class> <message>        a DomainError the user would have seen
    done

Anything else that escapes a service is a bug: its traceback goes to stderr and the exit code is 2.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import traceback
import uuid
from datetime import date

from sqlalchemy import select
from sqlalchemy.engine import make_url

from koperasi.db.database import open_database
from koperasi.db.models import Desa, User
from koperasi.domain.errors import DomainError
from koperasi.domain.members.register import MemberInput
from koperasi.domain.people import Sex
from koperasi.domain.roles import Actor, Role
from koperasi.domain.sales.rules import Producer, SaleLineInput
from koperasi.services.loans import payments as loan_payments
from koperasi.services.members import register as members
from koperasi.services.sales import selling as sales

PAID_ON = date(2025, 1, 6)
SOLD_ON = date(2026, 3, 10)
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _actor(session, username: str) -> Actor:
    user = session.scalar(select(User).where(User.username == username))
    return Actor(user_id=user.id, username=user.username, full_name=user.full_name, role=Role(user.role))


def _name(worker: int, index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = LETTERS[rest] + letters
    return f"Warga {LETTERS[worker % 26].upper()}{letters}"


def _say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--plan", required=True, help="JSON: loans, shared_loan, desa, sale {channel, product, producer}")
    parser.add_argument("--mode", choices=["repay", "sell", "mix"], default="repay")
    parser.add_argument("--count", type=int, default=0)
    parser.add_argument("--worker", type=int, default=0)
    parser.add_argument("--start-at", type=float, default=0.0)
    args = parser.parse_args(argv)
    plan = json.loads(args.plan)
    rng = random.Random(args.worker)
    database = open_database(make_url(args.db), migrate_schema=False, must_exist=True)
    with database.session() as session:
        clerk = _actor(session, "petugas")
        desa_id = session.scalar(select(Desa.id))
    _say("ready")
    time.sleep(max(0.0, args.start_at - time.time()))  # real clock: the workers start together
    own = [uuid.UUID(loan) for loan in plan.get("loans", [])]
    shared = uuid.UUID(plan["shared_loan"]) if plan.get("shared_loan") else None
    index = 0
    try:
        while args.count == 0 or index < args.count:
            step = ("repay", "shared", "member")[index % 3] if args.mode == "mix" else args.mode
            index += 1
            try:
                with database.session() as session:
                    if step in ("repay", "shared"):
                        loan_id = shared if step == "shared" else own[args.worker % len(own)]
                        request_id, amount = uuid.uuid4(), rng.randint(1, 3)
                        paid = loan_payments.repay(session, clerk, loan_id, amount=amount, paid_on=PAID_ON, request_id=request_id)
                        _say(f"repay {loan_id} {request_id} {paid.receipt_number} {amount}")
                    elif step == "member":
                        member = members.register_member(
                            session, clerk,
                            MemberInput(full_name=_name(args.worker, index), sex=Sex.FEMALE, birth_date=date(1985, 5, 5),
                                        desa_id=str(desa_id), join_date=date(2025, 1, 2)),
                            accept_warnings=True,
                        )
                        _say(f"member {member.number}")
                    else:
                        sale = plan["sale"]
                        request_id = uuid.uuid4()
                        data = sales.SaleInput(
                            sold_on=SOLD_ON, channel_id=uuid.UUID(sale["channel"]), buyer_name="Toko Berkah",
                            lines=(SaleLineInput(uuid.UUID(sale["product"]), Producer(member_id=uuid.UUID(sale["producer"])),
                                                 1000, 15_000),),
                        )
                        recorded = sales.record_sale(session, clerk, data, request_id=request_id)
                        _say(f"sale {request_id} {recorded.number}")
            except DomainError as error:
                _say(f"refused {type(error).__name__} {error.message}")
        _say("done")
        return 0
    except Exception:  # noqa: BLE001 - any escape is the finding; the parent reads it
        traceback.print_exc()
        _say("error")
        return 2
    finally:
        database.dispose()


if __name__ == "__main__":
    sys.exit(main())
