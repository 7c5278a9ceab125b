from forum.markup import render_markdown


def test_markdown_becomes_html():
    html = render_markdown("Some *emphasis* and a [link](https://www.oas.org).")

    assert "<em>emphasis</em>" in html
    assert 'href="https://www.oas.org"' in html
    assert 'rel="nofollow noopener noreferrer"' in html


def test_a_script_is_shown_as_text():
    html = render_markdown("<script>alert('x')</script> and <b onclick=x>bold</b>")

    assert "<script>" not in html
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "<b" not in html


def test_a_javascript_link_loses_its_address():
    html = render_markdown("[click](javascript:alert(1))")

    assert "href" not in html


def test_quotes_and_headings_stay_under_the_page_headings():
    html = render_markdown("# Title\n\n> quoted")

    assert "<h3>Title</h3>" in html
    assert "<blockquote>" in html
    assert "<h1>" not in html
