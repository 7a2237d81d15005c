from django.core.management.base import BaseCommand

from lmec.cooperation.demo import evaluation as evaluation_demo
from lmec.cooperation.demo import events as events_demo
from lmec.cooperation.demo import indicators as indicators_demo
from lmec.cooperation.demo import projects as projects_demo
from lmec.core import demo
from lmec.knowledge import demo as knowledge_demo
from lmec.monitoring import demo as monitoring_demo
from lmec.network import demo as network_demo


class Command(BaseCommand):
    help = (
        "Load the demo content: one account per role and country (random passwords, written "
        "to demo-accounts.txt). Safe to run again; existing accounts are left alone."
    )

    def handle(self, *args, **options):
        created = demo.ensure_demo_accounts()
        self.stdout.write(f"demo accounts: {len(created)} created")
        for username, password in created:
            self.stdout.write(f"  {username:10} {password}")
        if not created:
            self.stdout.write(f"  (passwords of earlier runs are in {demo.accounts_file()})")
        self.stdout.write(monitoring_demo.describe(monitoring_demo.load_monitoring_demo()))
        self.stdout.write(knowledge_demo.describe(knowledge_demo.load_knowledge_demo()))
        self.stdout.write(network_demo.describe(network_demo.load()))
        self.stdout.write(events_demo.describe(events_demo.load()))
        self.stdout.write(projects_demo.describe(projects_demo.load()))
        self.stdout.write(evaluation_demo.describe(evaluation_demo.load()))
        self.stdout.write(indicators_demo.describe(indicators_demo.load()))
