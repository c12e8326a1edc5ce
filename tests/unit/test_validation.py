import pytest

from infoint_tui.domain.dedupe import find_duplicate
from infoint_tui.domain.models import Contact
from infoint_tui.domain.validation import (
    InvalidField,
    check_email,
    check_name,
    check_url,
    normalize_url,
)


def test_email_accepts_addresses_and_empty():
    assert check_email(" ada@example.com ") == "ada@example.com"
    assert check_email("") == ""


@pytest.mark.parametrize("bad", ["ada", "ada@", "@example.com", "ada example.com", "a@b"])
def test_email_refuses_what_is_not_an_address(bad):
    with pytest.raises(InvalidField, match="not an email address"):
        check_email(bad)


def test_url_gets_a_scheme_and_refuses_nonsense():
    assert check_url("linkedin.com/in/ada") == "https://linkedin.com/in/ada"
    assert check_url("http://example.org") == "http://example.org"
    for bad in ("not a url", "ftp://example.org", "https://"):
        with pytest.raises(InvalidField):
            check_url(bad)


def test_name_is_required_and_tidied():
    assert check_name("  Ada   Lovelace ") == "Ada Lovelace"
    with pytest.raises(InvalidField):
        check_name("   ")


def test_same_profile_or_email_is_the_same_person():
    existing = [
        Contact(name="Ada", email="Ada@Example.com", url="https://www.linkedin.com/in/ada/")
    ]
    assert find_duplicate(existing, Contact(name="A. L.", email="ada@example.com")) is existing[0]
    assert (
        find_duplicate(existing, Contact(name="Ada L", url="linkedin.com/in/ada?trk=x"))
        is existing[0]
    )
    assert find_duplicate(existing, Contact(name="Ada")) is None
    assert normalize_url("HTTPS://www.LinkedIn.com/in/ada/") == "linkedin.com/in/ada"
