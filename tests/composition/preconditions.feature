Feature: Catalogue phrases put where their precondition does not hold

  Each scenario fails on purpose, at its last step, which needs a state the steps before it
  do not lead to. tests/composition/test_composition.py runs them in a child pytest and
  expects each to fail at once, naming the precondition, not after a 30 s wait for a locator.
  The last ones state something about the whole scenario that is false: they must fail
  although the page in front of the filer, at that step, shows nothing wrong.

  Scenario: The court's CM/ECF never asks, in a scenario that never went there
    Given a filer whose accounts are already linked is on the PACER website
    Then the court's CM/ECF never asks for the CM/ECF password

  Scenario: CM/ECF does not offer the linking form, before anyone opened it
    Given a user of a shared/firm PACER account is signed in to CM/ECF
    Then CM/ECF does not offer the linking form

  Scenario: The court's CM/ECF tab, on the PACER website
    Given a filer with an upgraded individual PACER account is on the PACER website
    When the filer clicks on the CM/ECF tab at the top of the screen

  Scenario: Confirming a link nobody asked for
    Given a filer with an upgraded individual PACER account is not signed in
    When the filer confirms

  Scenario: Logging out of CM/ECF from the court's website
    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer logs out of CM/ECF

  Scenario: The forgotten-password link while signed in to CM/ECF
    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer follows PACER login's link for a forgotten password

  Scenario: Manage My Account without signing in to PACER
    Given a filer with an upgraded individual PACER account is not signed in
    When the filer opens "Manage My Account"

  Scenario: On the way to PACER login, while signed in to CM/ECF
    Given a filer whose accounts are already linked is signed in to CM/ECF
    And a filer whose accounts are already linked is on the PACER login page on the way to CM/ECF

  @mock_only
  Scenario: The Help Desk unlinks an account nobody linked
    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When a CM/ECF Help Desk clerk unlinks that CM/ECF account

  @mock_only
  Scenario: Before March 16, 2020 the court's CM/ECF asked for its password, then let the filer in
    Given the date is March 15, 2020
    And a filer with an upgraded individual PACER account is signed in to the legacy CM/ECF
    Then the court's CM/ECF never asks for the CM/ECF password

  Scenario: The linking form was offered, then the login typed in it refused
    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer submits a CM/ECF login that does not exist for linking
    Then CM/ECF refuses to link: unknown CM/ECF login
    And CM/ECF does not offer the linking form
