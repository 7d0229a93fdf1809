"""Calibrate: the page only court staff reach, found the way court staff find it.

A filer never sees a link to the clerk's unlink page, so when its profile path answers 404
the filer's own pages cannot say where it is. Court staff reach it from CM/ECF's Utilities
menu ([seen]: the "Utilities" menu, DisplayMenu.pl?Utilities), so calibrate opens that menu
twice, as the scenario's filer and as the clerk persona, and takes the one link the clerk has
and the filer has not. Signing in and opening a menu change nothing on the target.
Two or more such links, or none, is not one thing a person could accept: not calibrated.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from pages.portal import Portal
from suite.retarget.observers import path_of

UTILITIES = "Utilities"  # [seen] CM/ECF menu name
# The profile's paths that only court staff reach: the clerk's unlink page.
STAFF_PAGES = frozenset({"ecf_clerk_unlink"})


def utilities_links(portal: Portal) -> dict[str, str]:
    """CM/ECF's Utilities menu as the signed-in user of `portal` sees it: path -> link name.
    Only links to the court's CM/ECF count (the menu also leads to PACER)."""
    ecf_url, page = portal.urls["ecf"], portal.page
    portal.cmecf_home.open()
    portal.cmecf_home.open_menu(UTILITIES)
    page.wait_for_load_state()
    links = {}
    for link in page.get_by_role("main").get_by_role("link").all():
        address = urljoin(page.url, link.get_attribute("href") or "")
        if address.startswith(ecf_url + "/"):
            links[path_of(address)] = link.inner_text().strip()
    return links


def staff_only_path(filer: Portal, clerk: Portal) -> tuple[str | None, str]:
    """The path of the one Utilities link the clerk has and the filer has not, and how it was
    found; None, with the reason, when there is not exactly one."""
    theirs = utilities_links(clerk)
    mine = utilities_links(filer)
    extra = {path: name for path, name in theirs.items() if path not in mine}
    if len(extra) == 1:
        [(path, name)] = extra.items()
        return path, (
            f"the one link of CM/ECF's Utilities menu that court staff have and a filer has "
            f"not ({name!r}), signed in as the clerk persona"
        )
    shown = "; ".join(f"{n!r} -> {p}" for p, n in extra.items()) or "none"
    return None, (
        f"CM/ECF's Utilities menu has {len(extra)} links court staff have and a filer has "
        f"not ({shown}): not one page to take"
    )


def find_staff_page(request: Any) -> tuple[str | None, str]:
    """From a failed scenario step whose filer is signed in to CM/ECF: sign the clerk persona
    in, in a browser of its own, and compare the two Utilities menus."""
    # Imported here: the steps' sign-in is only needed when a staff page is missing.
    from steps.sign_in_state import sign_in

    target = request.getfixturevalue("target")
    clerk = request.getfixturevalue("personas").get("clerk")
    if clerk is None or not (clerk.username and clerk.password):
        return None, "no clerk persona to sign in with (CIT_FAQ_CLERK_USERNAME, …_PASSWORD)"
    # The filer's own session, in a tab of its own: the failed page stays for the report.
    filer_tab = request.getfixturevalue("page").context.new_page()
    filer = Portal(filer_tab, target.urls, target.profile)
    desk = Portal(request.getfixturevalue("new_context")().new_page(), target.urls, target.profile)
    try:
        states = request.getfixturevalue("sign_in_states")
        sign_in(states, desk, clerk, "ecf", request.getfixturevalue("second_factor"))
        return staff_only_path(filer, desk)
    except Exception as error:  # a sign-in or a menu that is not there: say so, guess nothing
        first = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
        return None, f"court staff's Utilities menu could not be read: {first[:200]}"
    finally:
        filer_tab.close()
