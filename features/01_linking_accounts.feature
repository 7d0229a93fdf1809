@how_to_link @linking
Feature: I have a CM/ECF account and I have an upgraded PACER account, how do I link them together so I can file documents with the Court?

  Beginning March 16, 2020, you can link your accounts together. On the Court's website,
  www.cit.uscourts.gov, click on the CM/ECF tab at the top of the screen. Then click on
  "Login to the Live CM/ECF Database". You will be redirected to the PACER login page.

  Log in with the username and password for your upgraded PACER account. **DO NOT** login
  with a shared/firm PACER account.

  After acknowledging the redaction requirements, you will be redirected to U.S. Court of
  International Trade's NextGen CM/ECF page.

  Click on "Utilities" and select "Link a CM/ECF account to my PACER account." Enter your
  CM/ECF login and password and click "submit."

  Confirm that you are linking the correct accounts.

  @smoke @navigation
  Scenario: From the court's website to the PACER login page
    FAQ: On the Court's website, www.cit.uscourts.gov, click on the CM/ECF tab at the top of the screen.
    FAQ: Then click on "Login to the Live CM/ECF Database".
    FAQ: You will be redirected to the PACER login page.

    Given a filer with an upgraded individual PACER account is on the court's website
    When the filer clicks on the CM/ECF tab at the top of the screen
    And the filer clicks on "Login to the Live CM/ECF Database"
    Then the filer is redirected to the PACER login page
    And PACER login will send the filer back to the court's CM/ECF

  @smoke @sign_in @redaction
  Scenario: Logging in with the upgraded PACER account and acknowledging the redaction requirements
    FAQ: Log in with the username and password for your upgraded PACER account.
    FAQ: After acknowledging the redaction requirements, you will be redirected to U.S. Court of International Trade's NextGen CM/ECF page.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password for their upgraded PACER account
    Then PACER shows the redaction requirements
    And PACER lets the filer continue only once they acknowledge them
    When the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page
    And the CM/ECF menu bar shows exactly "Query, Reports, Utilities, Help, Log Out"

  @sign_in @redaction
  Scenario: Without acknowledging the redaction requirements, the filer does not get into CM/ECF
    FAQ: After acknowledging the redaction requirements, you will be redirected to U.S. Court of International Trade's NextGen CM/ECF page.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password for their upgraded PACER account
    But the filer leaves the redaction requirements unacknowledged
    Then PACER does not let the filer continue
    When the filer opens the CM/ECF home page directly
    Then the filer is redirected to the PACER login page

  @smoke @destructive
  Scenario: Linking the CM/ECF account from the Utilities menu
    FAQ: Click on "Utilities" and select "Link a CM/ECF account to my PACER account."
    FAQ: Enter your CM/ECF login and password and click "submit."
    FAQ: Confirm that you are linking the correct accounts.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer enters the CM/ECF login and password and clicks "Submit"
    Then CM/ECF shows the CM/ECF account and the PACER account to be linked
    And CM/ECF asks the filer to "Confirm that you are linking the correct accounts."
    When the filer confirms
    Then CM/ECF confirms that the CM/ECF account is linked to the PACER account
    And the filing menu appears in the CM/ECF menu bar

  Scenario: Cancelling on the verification page links nothing
    FAQ: Confirm that you are linking the correct accounts.

    Given a filer with an upgraded individual PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer enters the CM/ECF login and password and clicks "Submit"
    And the filer cancels on the verification page
    Then CM/ECF says: linking cancelled
    And the CM/ECF menu bar shows exactly "Query, Reports, Utilities, Help, Log Out"

  @errors
  Scenario Outline: CM/ECF refuses to link, and says why: <case>
    FAQ: Enter your CM/ECF login and password and click "submit."

    Given <who> is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer submits <credentials> for linking
    Then CM/ECF refuses to link: <case>
    And the filing menu is not in the CM/ECF menu bar

    Examples:
      | case                          | who                                               | credentials                                                    |
      | unknown CM/ECF login          | a filer with an upgraded individual PACER account | a CM/ECF login that does not exist                             |
      | CM/ECF account already linked | a filer with an upgraded individual PACER account | the CM/ECF login and password of someone else's linked account |
      | empty login and password      | a filer with an upgraded individual PACER account | an empty CM/ECF login and password                             |

    @wrong_password
    Examples: A wrong password for the filer's own CM/ECF account
      | case                  | who                                               | credentials                              |
      | wrong CM/ECF password | a filer with an upgraded individual PACER account | their CM/ECF login with a wrong password |

  @shared_account @errors
  Scenario: A shared/firm PACER account cannot link a CM/ECF account
    FAQ: **DO NOT** login with a shared/firm PACER account.

    Given a user of a shared/firm PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer tries to link their own CM/ECF account
    Then CM/ECF refuses to link: shared/firm PACER account
    And the filing menu is not in the CM/ECF menu bar

  @legacy @errors
  Scenario: A legacy PACER account must be upgraded before it can link
    FAQ: Log in with the username and password for your upgraded PACER account.

    Given a filer with a legacy PACER account is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer tries to link their own CM/ECF account
    Then CM/ECF refuses to link: legacy PACER account
    And the filing menu is not in the CM/ECF menu bar

  @errors
  Scenario: A PACER account that is already linked cannot link a second CM/ECF account
    FAQ: Click on "Utilities" and select "Link a CM/ECF account to my PACER account."

    Given a filer whose accounts are already linked is signed in to CM/ECF
    When the filer clicks on "Utilities" and selects "Link a CM/ECF account to my PACER account"
    And the filer tries to link their own CM/ECF account
    Then CM/ECF refuses to link: PACER account already linked

  @account @needs_manage_my_account
  Scenario Outline: PACER's "Manage My Account" tells an upgraded individual account from the others: <persona>
    FAQ: Log in with the username and password for your upgraded PACER account.
    FAQ: **DO NOT** login with a shared/firm PACER account.

    Given <persona> is signed in to the PACER website
    When the user opens "Manage My Account"
    Then the account type is "<type>"
    And the account kind shows: <kind>
    And the account status shows: <status>

    Examples:
      | persona                                           | type                   | kind        | status   |
      | a filer with an upgraded individual PACER account | Upgraded PACER Account | individual  | active   |
      | a user of a shared/firm PACER account             | Upgraded PACER Account | shared/firm | active   |
      | a filer with a legacy PACER account               | Legacy PACER Account   | individual  | active   |
      | a filer whose PACER account is inactive           | Upgraded PACER Account | individual  | inactive |
