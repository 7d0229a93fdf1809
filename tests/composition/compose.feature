Feature: Catalogue phrases in combinations the feature files do not use

  Scenarios an analyst could write from reports/steps.md alone: each step comes after Givens
  and steps that no feature file puts before it. They must pass as they stand.

  Scenario: Signed in and filing, the filer logs out; the court's CM/ECF then asks only for PACER
    Given a filer whose accounts are already linked is signed in to CM/ECF
    When the filer logs out of CM/ECF
    Then the court's CM/ECF never asks for the CM/ECF password

  Scenario: Someone signed in earlier; "is not signed in" makes it so
    Given a filer whose accounts are already linked is signed in to CM/ECF
    And a filer whose accounts are already linked is not signed in
    When the filer opens the CM/ECF home page directly
    Then the filer is redirected to the PACER login page

  Scenario: Through PACER's Court Links, a linked filer signs in and files
    Given a filer whose accounts are already linked is on the PACER website
    When the filer clicks on "Quick Links" and then "Court Links"
    And the filer chooses "U.S. Court of International Trade"
    And the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page
    And the filer can open the filing menu

  Scenario: Already signed in, the court website's CM/ECF link goes straight to CM/ECF
    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer goes to the court's CM/ECF
    Then the filer is redirected to the court's NextGen CM/ECF page
    And the filing menu is not in the CM/ECF menu bar

  Scenario: A wrong password first, then the right one
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the PACER username and a wrong password
    Then PACER login says "Invalid username or password"
    When the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page

  Scenario: After the old CM/ECF password is refused, the court's CM/ECF still asks only for PACER
    Given a filer whose accounts are already linked is on the court's website
    When the filer goes to the court's CM/ECF
    And the filer tries to log in with the PACER username and the old CM/ECF password
    Then PACER login says "Invalid username or password"
    And the court's CM/ECF never asks for the CM/ECF password

  Scenario: Signed in with a session kept from earlier, the court's CM/ECF has not asked for the CM/ECF password
    Given a filer whose accounts are already linked is signed in to CM/ECF
    Then the court's CM/ECF never asks for the CM/ECF password

  Scenario: Refused before the form, whatever page the filer goes to next
    Given a filer with a legacy PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    Then the filing menu is not in the CM/ECF menu bar
    And CM/ECF does not offer the linking form

