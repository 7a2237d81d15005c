"""``{% capture as name %}…{% endcapture %}``: render a piece of HTML into a variable.

For translations that wrap markup: the sentence and its punctuation stay in one message with
a placeholder (``{% blocktranslate %}Class: {{ swatch }}.{% endblocktranslate %}``) while the
markup (a coloured swatch, a link) is rendered here, escaped as usual, and marked safe so that
blocktranslate inserts it as HTML.
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


class CaptureNode(template.Node):
    def __init__(self, nodelist, name: str):
        self.nodelist, self.name = nodelist, name

    def render(self, context):
        # the nodelist escapes every variable it renders; the result is HTML
        context[self.name] = mark_safe(self.nodelist.render(context).strip())
        return ""


@register.tag
def capture(parser, token):
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("usage: {% capture as name %}…{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])
