"""Plan report tests: the plan fixtures (tests/fixtures/plan.py)."""

from tests.fixtures.plan import (  # noqa: F401 (fixtures are found by name)
    demo_ids,
    plan_demo_template,
)
