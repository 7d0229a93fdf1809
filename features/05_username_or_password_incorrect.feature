@password_incorrect @sign_in @errors
Feature: I'm trying to login to CM/ECF, and it tells me my username or password is incorrect, but it's the one I always use.

  The Court upgraded to NextGen CM/ECF on March 16, 2020. You will now log into our CM/ECF
  system using your PACER login information – not your CM/ECF login information. If you are
  having trouble with your PACER username or password, you will have to go through PACER to
  change or retrieve your password.

  @smoke
  Scenario: The old CM/ECF login and password are refused at PACER login
    FAQ: You will now log into our CM/ECF system using your PACER login information – not your CM/ECF login information.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer tries to log in with the old CM/ECF login and password
    Then PACER login says "Invalid username or password"
    And the filer is still on the PACER login page

  Scenario: The PACER login information is accepted
    FAQ: You will now log into our CM/ECF system using your PACER login information – not your CM/ECF login information.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with the username and password for their upgraded PACER account
    And the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page

  Scenario Outline: PACER login says what is wrong with the credentials: <case>
    FAQ: You will now log into our CM/ECF system using your PACER login information – not your CM/ECF login information.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with <credentials>
    Then PACER login says "<message>"
    And the filer is still on the PACER login page

    Examples:
      | case             | credentials                    | message                      |
      | unknown username | a username PACER does not know | Invalid username or password |

    @needs_login_length_rules
    Examples: PACER login's length rules
      | case           | credentials                                       | message                                |
      | short username | a username of 5 characters                        | Username must be at least 6 characters |
      | short password | the PACER username and a password of 7 characters | Password must be at least 8 characters |

    @wrong_password
    Examples: A wrong password for the filer's own account
      | case                | credentials                                      | message                      |
      | wrong password      | the PACER username and a wrong password          | Invalid username or password |
      | old CM/ECF password | the PACER username and their old CM/ECF password | Invalid username or password |

  Scenario Outline: PACER login says a field is missing: <case>
    FAQ: You will now log into our CM/ECF system using your PACER login information – not your CM/ECF login information.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer logs in with <credentials>
    Then PACER login says: <case> is required
    And the filer is still on the PACER login page

    Examples:
      | case     | credentials                              |
      | username | an empty username                        |
      | password | the PACER username and an empty password |

  @needs_forgot_password
  Scenario: PACER login sends a filer with a forgotten password to PACER
    FAQ: If you are having trouble with your PACER username or password, you will have to go through PACER to change or retrieve your password.

    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer follows PACER login's link for a forgotten password
    Then the filer is on PACER's page for a forgotten password

  @destructive @needs_manage_my_account
  Scenario: The filer changes the PACER password through PACER and logs in to CM/ECF with it
    FAQ: If you are having trouble with your PACER username or password, you will have to go through PACER to change or retrieve your password.

    Given a filer with an upgraded individual PACER account is signed in to the PACER website
    When the filer changes the PACER password in "Manage My Account"
    And the filer logs in to CM/ECF with the new PACER password
    Then the filer is redirected to the court's NextGen CM/ECF page

  @mock_only @destructive @needs_forgot_password
  Scenario: The filer retrieves a forgotten PACER password through PACER and logs in to CM/ECF with it
    FAQ: If you are having trouble with your PACER username or password, you will have to go through PACER to change or retrieve your password.

    Given a filer with an upgraded individual PACER account is on the PACER website
    When the filer asks PACER to reset the forgotten password
    And the filer follows the reset link in the email and chooses a new password
    And the filer logs in to CM/ECF with the new PACER password
    Then the filer is redirected to the court's NextGen CM/ECF page
