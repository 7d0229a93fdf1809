@redirected_to_pacer @navigation @sign_in
Feature: I'm trying to login to CM/ECF and I keep getting redirected to PACER.

  The Court upgraded to NextGen CM/ECF on March 16, 2020. You will now log into the Court's
  CM/ECF system through PACER using your PACER Username and Password.

  If you have a CM/ECF account and wish to file documents with the Court, you will need to
  link your CM/ECF account to your individual upgraded PACER account. [Click here](#) for
  instructions.

  Scenario Outline: A CM/ECF page sends a visitor who is not signed in to PACER: <page>
    FAQ: You will now log into the Court's CM/ECF system through PACER using your PACER Username and Password.

    Given a visitor is not signed in
    When the visitor opens the CM/ECF <page> page directly
    Then the visitor is redirected to the PACER login page
    And PACER login will send the visitor back to the court's CM/ECF

    Examples:
      | page      |
      | login     |
      | home      |
      | Utilities |
      | Query     |

  Scenario: The court's website explains the NextGen upgrade
    FAQ: The Court upgraded to NextGen CM/ECF on March 16, 2020.
    FAQ: You will now log into the Court's CM/ECF system through PACER using your PACER Username and Password.

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer reads the notice of the NextGen CM/ECF upgrade
    Then the notice says: CM/ECF was upgraded to NextGen on March 16, 2020
    And the notice says: CM/ECF is now reached through PACER with a PACER login

  Scenario: Signed in with PACER but not linked, the filer cannot file yet
    FAQ: If you have a CM/ECF account and wish to file documents with the Court, you will need to link your CM/ECF account to your individual upgraded PACER account.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    Then the filing menu is not in the CM/ECF menu bar
    When the filer opens the filing menu directly
    Then CM/ECF says: must link to file

  @needs_court_faq_page
  Scenario: "Click here" in the FAQ leads to the linking instructions
    FAQ: [Click here](#) for instructions.

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer opens the linking FAQ on the court's website
    And the filer clicks on "Click here" for instructions
    Then the linking instructions tell the filer to click on "Login to the Live CM/ECF Database"
    And the linking instructions tell the filer to select "Link a CM/ECF account to my PACER account"

  @mock_only @faults
  Scenario: When PACER login is down, the filer is told so instead of seeing a broken page
    FAQ: You will now log into the Court's CM/ECF system through PACER using your PACER Username and Password.

    Given PACER login is down
    And a filer with an upgraded individual PACER account is on the court's website
    When the filer goes to the court's CM/ECF
    Then the page says: PACER is unavailable

  @mock_only @faults
  Scenario: When PACER login is slow, the filer still gets through
    FAQ: You will now log into the Court's CM/ECF system through PACER using your PACER Username and Password.

    Given PACER login answers slowly
    And a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page
    And the filer had to wait for every PACER login page
