@inactive_account @inactive
Feature: My PACER account says "inactive," can I still link it with my CM/ECF account?

  Yes. Your PACER account may be inactive if you did not provide credit card information when
  you registered. However, you can still link your PACER account with your CM/ECF account.
  However, your ability to conduct PACER searches will be delayed until your PACER account is
  activated.

  @needs_manage_my_account
  Scenario: PACER shows the account as inactive
    FAQ: Your PACER account may be inactive if you did not provide credit card information when you registered.

    Given a filer whose PACER account is inactive is signed in to the PACER website
    When the user opens "Manage My Account"
    Then the account status shows: inactive
    And the account's credit card shows: no credit card

  Scenario: An inactive PACER account can still sign in to CM/ECF and is told searches must wait
    FAQ: Yes.
    FAQ: However, your ability to conduct PACER searches will be delayed until your PACER account is activated.

    Given a filer whose PACER account is inactive is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page
    And CM/ECF tells the filer "you will not be able to perform a search until your account is active"

  @smoke @destructive
  Scenario: An inactive PACER account can still be linked
    FAQ: However, you can still link your PACER account with your CM/ECF account.

    Given a filer whose PACER account is inactive is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer enters the CM/ECF login and password and clicks "Submit"
    And the filer confirms
    Then CM/ECF confirms that the CM/ECF account is linked to the PACER account
    And the filing menu appears in the CM/ECF menu bar

  Scenario: An inactive PACER account cannot search until it is activated
    FAQ: However, your ability to conduct PACER searches will be delayed until your PACER account is activated.

    Given a filer whose PACER account is inactive is signed in to CM/ECF
    When the filer opens "Query"
    Then CM/ECF tells the filer "PACER User Inactive: Although you have a PACER account, your account is currently inactive."
    And the search form is not offered

  @mock_only @destructive
  Scenario: Once the PACER account is activated, the filer can search
    FAQ: However, your ability to conduct PACER searches will be delayed until your PACER account is activated.

    Given a filer whose PACER account is inactive is signed in to CM/ECF
    When the filer opens "Query"
    Then the search form is not offered
    When the filer's PACER account is activated
    And the filer opens "Query"
    Then the search form is offered

  Scenario: An active PACER account can search
    FAQ: However, your ability to conduct PACER searches will be delayed until your PACER account is activated.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer opens "Query"
    Then the search form is offered
