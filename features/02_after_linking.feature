@after_linking @linking
Feature: After I have linked my accounts, do I need to remember my CM/ECF login and password.

  No. You must use the login and password for your upgraded PACER account to access and file
  documents with the court.

  @smoke
  Scenario: A linked filer files with the PACER login alone
    FAQ: No.
    FAQ: You must use the login and password for your upgraded PACER account to access and file documents with the court.

    Given a filer whose accounts are already linked is on the court's website
    When the filer goes to the court's CM/ECF
    And the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page
    And the filing menu appears in the CM/ECF menu bar
    And the filer can open the filing menu

  @destructive
  Scenario: Right after linking, the filer signs out and back in with the PACER login only
    FAQ: You must use the login and password for your upgraded PACER account to access and file documents with the court.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    And the filer logs out of CM/ECF
    And the filer signs in to CM/ECF again with the PACER login only
    Then the filing menu appears in the CM/ECF menu bar

  @destructive @errors
  Scenario: After linking, the old CM/ECF login and password are no longer accepted anywhere
    FAQ: No.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    And the filer logs out of CM/ECF
    And the filer tries to log in with the old CM/ECF login and password
    Then PACER login says "Invalid username or password"
    And the court's CM/ECF never asks for the CM/ECF password

  @destructive @errors @wrong_password
  Scenario: After linking, PACER login does not take the old CM/ECF password either
    FAQ: No.
    FAQ: You must use the login and password for your upgraded PACER account to access and file documents with the court.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer links the CM/ECF account to the PACER account
    And the filer logs out of CM/ECF
    And the filer tries to log in with the PACER username and the old CM/ECF password
    Then PACER login says "Invalid username or password"
    And the filer is still on the PACER login page
