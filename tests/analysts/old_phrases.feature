Feature: Old phrases of the step catalogue still run, and say what to write instead

  Every phrase renamed or removed since the catalogue was first published (steps/old_phrases.py)
  in a scenario, with the words analysts wrote then. Each runs today's step and warns once per
  run (DeprecatedPhraseWarning) naming its replacement; test_analysts.py checks the warnings.

  Scenario: Old words for signing in and the redaction agreement
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password of the upgraded PACER account
    Then "Continue" stays disabled until the filer acknowledges them
    And "Continue" is disabled

  Scenario: Old words for the forgotten-password link
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer clicks on "Forgot password?"
    Then the filer is on PACER's "Forgot password?" page

  Scenario: Old words for going to CM/ECF, and a refusal quoted word for word
    Given a user of a shared/firm PACER account is on the court's website
    When the user goes straight to the court's CM/ECF
    And the user logs in with the username and password for their upgraded PACER account
    Then CM/ECF refuses with "Shared (firm) PACER accounts cannot be used to file or to link a CM/ECF account."

  Scenario: Old words for the court's notice
    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer reads the notice of the NextGen CM/ECF upgrade
    Then the page says "The Court upgraded to NextGen CM/ECF on March 16, 2020."

  Scenario: Old words for Manage My Account
    Given a filer whose PACER account is inactive is signed in to the PACER website
    When the user opens "Manage My Account"
    Then the account's type is "Upgraded PACER Account"
    And the account kind is "Individual"
    And the account status is "Inactive"
    And the account's credit card is "None on file"

  Scenario: Old words for the email about an unlinking
    Given a filer with an upgraded individual PACER account has linked the wrong CM/ECF account
    When a CM/ECF Help Desk clerk unlinks that CM/ECF account
    Then the filer receives an email saying "Your CM/ECF account has been unlinked from your PACER account"
    And the email names the wrongly linked CM/ECF account
