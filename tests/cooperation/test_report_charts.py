"""The report's bar charts: bars scaled to the largest value, labels as escaped HTML text."""

import re

from lmec.cooperation.report.charts import bar_chart


def test_it_scales_the_bars_to_the_largest_value():
    html = bar_chart([("ไทย", 4), ("ລາວ", 2), ("<none>", 0)], title="Participants & more")
    assert re.findall(r'<rect x="0" y="0" width="([\d.]+)"', html) == ["300.0", "150.0", "0.0"]
    assert re.findall(r'<th scope="row">(.*?)</th>', html) == ["ไทย", "ລາວ", "&lt;none&gt;"]
    assert re.findall(r'<span class="num">(.*?)</span>', html) == ["4", "2", "0"]
    assert "<figcaption>Participants &amp; more</figcaption>" in html
    # no SVG text: WeasyPrint would draw it letter by letter, unshaped
    assert "<text" not in html


def test_it_writes_amounts_with_their_unit_and_draws_no_bar_when_all_are_zero():
    html = bar_chart([("F1", 138500.0), ("F2", 0.0)], title="USD", unit="USD")
    assert re.findall(r'<span class="num">(.*?)</span>', html) == ["138,500 USD", "0 USD"]
    zero = bar_chart([("F1", 0), ("F2", None)], title="none")
    assert re.findall(r'width="([\d.]+)" height="12" fill', zero) == ["0.0", "0.0"]
