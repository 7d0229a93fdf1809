Feature: An analyst's scenarios, written from the step catalogue as it was published

  Six scenarios a business analyst wrote from reports/steps.md alone, before refusals became
  "before the form or upon Submit" (issue 27). All six passed then. Three of them stopped
  working: two used "CM/ECF does not offer the linking form", which the steps had dropped, and
  one ends with "never asks for the CM/ECF password" after the filer has signed back in, which
  then needed the filer signed out. They must run green as they stand. The last scenario is
  issue 29's, written from today's catalogue.

  Scenario: A shared/firm PACER account is not offered the linking form
    Given a user of a shared/firm PACER account is signed in to CM/ECF
    When the user clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then CM/ECF does not offer the linking form
    And the filing menu is not in the CM/ECF menu bar

  Scenario: A PACER account already linked is not offered the linking form again
    Given a filer whose accounts are already linked is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then CM/ECF does not offer the linking form

  Scenario: Linked, signed out and back in, the filer was never asked for the CM/ECF password
    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    And the filer logs out of CM/ECF
    And the filer signs in to CM/ECF again with the PACER login only
    Then the filing menu appears in the CM/ECF menu bar
    And the court's CM/ECF never asks for the CM/ECF password

  Scenario: Through PACER's Court Links to the court's CM/ECF login
    Given a filer with an upgraded individual PACER account is on the PACER website
    When the filer follows PACER's Court Links to the court's CM/ECF login
    Then the filer is redirected to the PACER login page
    And PACER login will send the filer back to the court's CM/ECF

  Scenario: The old CM/ECF password does not open PACER login
    Given a filer whose accounts are already linked is on the PACER login page on the way to CM/ECF
    When the filer logs in with the PACER username and their old CM/ECF password
    Then PACER login says "Invalid username or password"
    And the filer is still on the PACER login page

  Scenario: The CM/ECF Help Desk on the court's contact page
    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the contact page
    Then the contact page lists the CM/ECF Help Desk with the phone number "866-450-1859" that dials "+18664501859"
    And the contact page lists the CM/ECF Help Desk with the email address "cmecf_helpdesk@cit.uscourts.gov"

  # Issue 29: the scenario an analyst needed three tries to write from the old catalogue (a
  # redaction step for an account that never sees the agreement; "refuses to link: firm
  # account", which the profile does not know). Written once from the new catalogue.
  Scenario: A shared/firm PACER account logs in and is refused before the linking form
    Given a user of a shared/firm PACER account is on the PACER login page on the way to CM/ECF
    When the user logs in with the username and password for their upgraded PACER account
    Then the user is redirected to the court's NextGen CM/ECF page
    When the user clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then CM/ECF refuses to link: shared/firm PACER account
    And CM/ECF does not offer the linking form
