"""Monitoring pages in the reader's language: Django's empty choice, the short strings that
need a context, punctuation inside the messages, and no raw ``<`` in a message."""

import pytest
from django.utils import translation

from lmec.monitoring import parameters
from lmec.monitoring.models import Upload
from tests.helpers import login, page_html
from tests.monitoring import page_fixtures
from tests.monitoring.water_data import sample, site

pytestmark = pytest.mark.django_db

EMPTY_CHOICE = {
    "zh-hans": "- 请选择一个选项 -",
    "th": "- เลือกตัวเลือก -",
    "vi": "- Chọn một tùy chọn -",
    "lo": "- ເລືອກຕົວເລືອກ -",
    "km": "- ជ្រើសរើសជម្រើសមួយ -",
    "my": "- ရွေးချယ်စရာတစ်ခု ရွေးပါ -",
}


@pytest.mark.parametrize("lang", sorted(EMPTY_CHOICE))
def test_it_translates_the_empty_choice_of_a_select(client, users, lang):
    login(client, users.member)
    html = page_html(client, f"/{lang}/monitoring/alerts/", lang)
    assert f'<option value="" selected>{EMPTY_CHOICE[lang]}</option>' in html
    assert "Select an option" not in html


#: (msgid, context, other context or None for the message without one)
CONTEXTS = [
    ("Stored", "upload status", "number of rows"),
    ("Refused", "upload status", "number of rows"),
    ("active", "API key state", "alert subscription field: it sends e-mails"),
    ("revoked", "API key state", "API key field: when it was revoked"),
]


@pytest.mark.parametrize("lang", sorted(EMPTY_CHOICE))
@pytest.mark.parametrize("msgid,context,other", CONTEXTS)
def test_it_translates_each_context_of_a_short_string(lang, msgid, context, other):
    with translation.override(lang):
        one, two = translation.pgettext(context, msgid), translation.pgettext(other, msgid)
        button = translation.pgettext("button: send the file", "Upload")
        start = translation.pgettext("start of a date range", "From")
    assert msgid not in (one, two, button, start)
    assert one != two


def test_it_labels_the_status_and_the_row_counts_apart_in_thai(client, users):
    Upload.objects.create(
        user=users.provider, filename="a.csv", format="long", status="done", rows_stored=2
    )
    login(client, users.provider)
    html = page_html(client, "/th/monitoring/uploads/", "th")
    assert '<th scope="col">จำนวนแถวที่จัดเก็บ</th>' in html
    assert "<td>จัดเก็บแล้ว</td>" in html


@pytest.fixture
def flagged_site(db):
    made = site("CN-R-09", "CN", zone="Asia/Shanghai", name="Test river")
    sample(made, "2024-03-05 09:00", {"do": 6.8, "cod_mn": (20.0, parameters.Flag.PROVIDER)})
    return made


def test_it_keeps_the_punctuation_of_the_water_site_inside_the_chinese_messages(
    client, flagged_site
):
    html = page_html(client, "/zh-hans/monitoring/water/CN-R-09/", "zh-hans")
    assert '采样日期：<time datetime="2024-03-05">2024-03-05</time>。' in html
    assert '类别：<span class="swatch"' in html
    assert "定类指标：<strong>溶解氧</strong>。" in html
    assert "（定类）" in html
    # the flags by their labels, in Chinese, not by their codes
    assert "已标记（数据提供方标记为无效），不参与类别评价" in html
    assert "(provider)" not in html


def test_it_escapes_the_less_than_sign_of_the_detection_limit_note(client, flagged_site):
    html = page_html(client, "/th/monitoring/water/CN-R-09/", "th")
    assert "ค่าที่เขียนว่า “&lt; 0.01” ต่ำกว่าขีดจำกัดการตรวจพบ 0.01" in html
    assert "“< " not in html


def test_it_escapes_the_significance_level_of_the_trend_note(client):
    page_fixtures.make_network()
    html = page_html(client, "/vi/monitoring/stations/TH-CM1/", "vi")
    assert "có ý nghĩa thống kê khi p &lt; 0.05." in html
