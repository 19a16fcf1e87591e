"""Market sales: catalogue, channels, buyers, consignment intakes, sales with lines, payouts, settings.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""

import uuid

import sqlalchemy as sa
from alembic import op

from koperasi.db.migrations import append_only

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

CHANNELS = ["Pasar lokal", "Pasar kabupaten", "Toko", "Pembeli besar", "Pameran", "Online"]
# The consignment history is never edited or deleted: a mistake or a return is a reversal row.
APPEND_ONLY = ("consignment_intakes", "sales", "sale_lines", "payouts")


def upgrade() -> None:
    op.create_table('app_settings',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.String(length=200), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_app_settings'))
    )
    op.create_table('buyers',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('phone', sa.String(length=20), nullable=False),
    sa.Column('address', sa.String(length=250), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_buyers')),
    sa.UniqueConstraint('name', name=op.f('uq_buyers_name'))
    )
    op.create_table('sales_channels',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=60), nullable=False),
    sa.Column('commission_bp', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000', name=op.f('ck_sales_channels_commission_bp')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_channels')),
    sa.UniqueConstraint('name', name=op.f('uq_sales_channels_name'))
    )
    op.create_table('sales_products',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('name', sa.String(length=120), nullable=False),
    sa.Column('unit', sa.String(length=20), nullable=False),
    sa.Column('default_price', sa.BigInteger(), nullable=False),
    sa.Column('category', sa.String(length=60), nullable=False),
    sa.Column('commission_bp', sa.Integer(), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.CheckConstraint('commission_bp IS NULL OR commission_bp BETWEEN 0 AND 10000', name=op.f('ck_sales_products_commission_bp')),
    sa.CheckConstraint('default_price > 0', name=op.f('ck_sales_products_default_price')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales_products')),
    sa.UniqueConstraint('name', name=op.f('uq_sales_products_name'))
    )
    op.create_table('sales',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('sold_on', sa.Date(), nullable=False),
    sa.Column('channel_id', sa.Uuid(), nullable=False),
    sa.Column('buyer_id', sa.Uuid(), nullable=True),
    sa.Column('buyer_name', sa.String(length=120), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('commission', sa.BigInteger(), nullable=False),
    sa.Column('reversal_of_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('journal_entry_id', sa.Uuid(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['buyer_id'], ['buyers.id'], name=op.f('fk_sales_buyer_id_buyers')),
    sa.ForeignKeyConstraint(['channel_id'], ['sales_channels.id'], name=op.f('fk_sales_channel_id_sales_channels')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_sales_created_by_users')),
    sa.ForeignKeyConstraint(['journal_entry_id'], ['journal_entries.id'], name=op.f('fk_sales_journal_entry_id_journal_entries')),
    sa.ForeignKeyConstraint(['reversal_of_id'], ['sales.id'], name=op.f('fk_sales_reversal_of_id_sales')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sales')),
    sa.UniqueConstraint('journal_entry_id', name=op.f('uq_sales_journal_entry_id')),
    sa.UniqueConstraint('number', name=op.f('uq_sales_number')),
    sa.UniqueConstraint('reversal_of_id', name=op.f('uq_sales_reversal_of_id'))
    )
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.create_index('ix_sales_sold_on', ['sold_on'], unique=False)

    op.create_table('consignment_intakes',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('group_id', sa.Uuid(), nullable=True),
    sa.Column('product_id', sa.Uuid(), nullable=False),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('received_on', sa.Date(), nullable=False),
    sa.Column('note', sa.String(length=250), nullable=False),
    sa.Column('reversal_of_id', sa.Uuid(), nullable=True),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(member_id IS NULL) <> (group_id IS NULL)', name=op.f('ck_consignment_intakes_one_producer')),
    sa.CheckConstraint('quantity_milli > 0', name=op.f('ck_consignment_intakes_quantity')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_consignment_intakes_created_by_users')),
    sa.ForeignKeyConstraint(['group_id'], ['member_groups.id'], name=op.f('fk_consignment_intakes_group_id_member_groups')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_consignment_intakes_member_id_members')),
    sa.ForeignKeyConstraint(['product_id'], ['sales_products.id'], name=op.f('fk_consignment_intakes_product_id_sales_products')),
    sa.ForeignKeyConstraint(['reversal_of_id'], ['consignment_intakes.id'], name=op.f('fk_consignment_intakes_reversal_of_id_consignment_intakes')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_consignment_intakes')),
    sa.UniqueConstraint('number', name=op.f('uq_consignment_intakes_number')),
    sa.UniqueConstraint('reversal_of_id', name=op.f('uq_consignment_intakes_reversal_of_id'))
    )
    with op.batch_alter_table('consignment_intakes', schema=None) as batch_op:
        batch_op.create_index('ix_consignment_intakes_producer', ['member_id', 'group_id', 'product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_consignment_intakes_product_id'), ['product_id'], unique=False)

    op.create_table('payouts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('group_id', sa.Uuid(), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('paid_on', sa.Date(), nullable=False),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('reversal_of_id', sa.Uuid(), nullable=True),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('journal_entry_id', sa.Uuid(), nullable=False),
    sa.Column('created_by', sa.Uuid(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.CheckConstraint('(member_id IS NULL) <> (group_id IS NULL)', name=op.f('ck_payouts_one_producer')),
    sa.CheckConstraint('amount > 0', name=op.f('ck_payouts_amount')),
    sa.ForeignKeyConstraint(['created_by'], ['users.id'], name=op.f('fk_payouts_created_by_users')),
    sa.ForeignKeyConstraint(['group_id'], ['member_groups.id'], name=op.f('fk_payouts_group_id_member_groups')),
    sa.ForeignKeyConstraint(['journal_entry_id'], ['journal_entries.id'], name=op.f('fk_payouts_journal_entry_id_journal_entries')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_payouts_member_id_members')),
    sa.ForeignKeyConstraint(['reversal_of_id'], ['payouts.id'], name=op.f('fk_payouts_reversal_of_id_payouts')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_payouts')),
    sa.UniqueConstraint('journal_entry_id', name=op.f('uq_payouts_journal_entry_id')),
    sa.UniqueConstraint('number', name=op.f('uq_payouts_number')),
    sa.UniqueConstraint('reversal_of_id', name=op.f('uq_payouts_reversal_of_id'))
    )
    with op.batch_alter_table('payouts', schema=None) as batch_op:
        batch_op.create_index('ix_payouts_producer', ['member_id', 'group_id'], unique=False)

    op.create_table('sale_lines',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), autoincrement=True, nullable=False),
    sa.Column('sale_id', sa.Uuid(), nullable=False),
    sa.Column('product_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('group_id', sa.Uuid(), nullable=True),
    sa.Column('quantity_milli', sa.BigInteger(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('total', sa.BigInteger(), nullable=False),
    sa.Column('commission_bp', sa.Integer(), nullable=False),
    sa.Column('commission', sa.BigInteger(), nullable=False),
    sa.Column('producer_share', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('(member_id IS NULL) <> (group_id IS NULL)', name=op.f('ck_sale_lines_one_producer')),
    sa.CheckConstraint('commission + producer_share = total AND commission >= 0 AND producer_share >= 0', name=op.f('ck_sale_lines_split')),
    sa.CheckConstraint('quantity_milli > 0 AND unit_price > 0', name=op.f('ck_sale_lines_quantity_price')),
    sa.ForeignKeyConstraint(['group_id'], ['member_groups.id'], name=op.f('fk_sale_lines_group_id_member_groups')),
    sa.ForeignKeyConstraint(['member_id'], ['members.id'], name=op.f('fk_sale_lines_member_id_members')),
    sa.ForeignKeyConstraint(['product_id'], ['sales_products.id'], name=op.f('fk_sale_lines_product_id_sales_products')),
    sa.ForeignKeyConstraint(['sale_id'], ['sales.id'], name=op.f('fk_sale_lines_sale_id_sales')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sale_lines'))
    )
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.create_index('ix_sale_lines_producer', ['member_id', 'group_id', 'product_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_sale_lines_sale_id'), ['sale_id'], unique=False)
    channels = sa.table("sales_channels", sa.column("id", sa.Uuid()), sa.column("name"), sa.column("commission_bp"),
                        sa.column("active"), sa.column("position"), sa.column("version"))
    op.bulk_insert(channels, [
        {"id": uuid.uuid4(), "name": name, "commission_bp": None, "active": True, "position": index, "version": 1}
        for index, name in enumerate(CHANNELS)
    ])
    append_only.protect(*APPEND_ONLY)


def downgrade() -> None:
    append_only.unprotect(*APPEND_ONLY)
    with op.batch_alter_table('sale_lines', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sale_lines_sale_id'))
        batch_op.drop_index('ix_sale_lines_producer')

    op.drop_table('sale_lines')
    with op.batch_alter_table('payouts', schema=None) as batch_op:
        batch_op.drop_index('ix_payouts_producer')

    op.drop_table('payouts')
    with op.batch_alter_table('consignment_intakes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_consignment_intakes_product_id'))
        batch_op.drop_index('ix_consignment_intakes_producer')

    op.drop_table('consignment_intakes')
    with op.batch_alter_table('sales', schema=None) as batch_op:
        batch_op.drop_index('ix_sales_sold_on')

    op.drop_table('sales')
    op.drop_table('sales_products')
    op.drop_table('sales_channels')
    op.drop_table('buyers')
    op.drop_table('app_settings')
