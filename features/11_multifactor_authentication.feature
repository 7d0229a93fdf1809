@mfa
Feature: Multifactor authentication on the way to CM/ECF

  Not a question of the FAQ, which dates from March 2020. Since then PACER has added
  multifactor authentication (MFA), as its announcement "MFA Tips and Resources"
  (pacer.uscourts.gov/announcements/2025/08/22/…) tells: from May 11, 2025 users could
  enroll, and by December 31, 2025 every user with CM/ECF-level access had to. After the
  password, an enrolled user enters the one-time passcode of their authentication app, or
  one of their backup codes (PACER's help page on authentication applications,
  pacer.uscourts.gov/help/pacer/multifactor-authentication-mfa-authentication-applications).
  A user who must enroll and has not is told so, with a Skip button, three times; then the
  "User Update Required" prompt has no Skip. PACER-only accounts need not enroll.

  @smoke @sign_in
  Scenario: An enrolled filer passes with the passcode of their authentication app
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer enters their PACER username and password
    Then PACER login asks for a one-time passcode
    When the filer enters the passcode their authentication app shows
    Then PACER shows the redaction requirements
    When the filer acknowledges the redaction requirements
    Then the filer is redirected to the court's NextGen CM/ECF page

  @sign_in @destructive @wrong_password
  Scenario: A backup code works once
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer enters their PACER username and password
    And the filer enters one of their backup codes
    Then PACER shows the redaction requirements
    When the filer opens the CM/ECF home page directly
    And the filer enters their PACER username and password
    And the filer enters the backup code they signed in with
    Then PACER login refuses the passcode: passcode already used

  @sign_in @errors @wrong_password
  Scenario: A wrong passcode is refused
    Given a filer with an upgraded individual PACER account is on the PACER login page on the way to CM/ECF
    When the filer enters their PACER username and password
    And the filer enters a passcode their authentication app did not show
    Then PACER login refuses the passcode: wrong passcode

  @sign_in @errors @wrong_password
  Scenario: A passcode that was used once is refused the second time
    Given a filer with an upgraded individual PACER account has signed in to CM/ECF with the passcode their authentication app showed
    When the filer logs out of CM/ECF
    And the filer opens the CM/ECF home page directly
    And the filer enters their PACER username and password
    And the filer enters the passcode they signed in with
    Then PACER login refuses the passcode: passcode already used

  @sign_in @destructive
  Scenario: A filer who must enroll is told so, and each Skip counts down
    Given a filer who must enroll in multifactor authentication is on the PACER login page on the way to CM/ECF
    When the filer enters their PACER username and password
    Then PACER login tells the filer that multifactor authentication is required, with 3 skips left
    When the filer clicks "Skip"
    Then PACER shows the redaction requirements
    When the filer opens the CM/ECF home page directly
    And the filer enters their PACER username and password
    Then PACER login tells the filer that multifactor authentication is required, with 2 skips left

  @sign_in @mock_only
  Scenario: After three skips there is no Skip
    Given a filer who must enroll in multifactor authentication has no skips left
    When the filer opens the CM/ECF home page directly
    And the filer enters their PACER username and password
    Then PACER login shows "User Update Required", with no "Skip"

  @destructive @needs_manage_my_account @mock_only
  Scenario: Adding an authentication app: an emailed security code, the key, a passcode
    Given a filer with an upgraded individual PACER account is signed in to the PACER website
    When the filer opens the settings of their multifactor authentication
    And the filer clicks "Add App"
    Then PACER emails the filer a security code
    When the filer enters the security code from that email
    Then PACER shows the new app's key, as text and as an otpauth:// URI
    When the filer adds the key to an authentication app and enters its passcode
    Then the page says: MFA app added

  @sign_in @shared_account
  Scenario: A shared/firm PACER account is not asked for a passcode
    Given a user of a shared/firm PACER account is on the PACER login page on the way to CM/ECF
    When the user enters their PACER username and password
    Then PACER login does not ask the user for a one-time passcode
    And the user is redirected to the court's NextGen CM/ECF page

  @accessibility @wrong_password
  Scenario: The passcode page works with the keyboard alone
    Given a filer with an upgraded individual PACER account uses the keyboard alone on a 320 CSS px wide screen
    When the filer types the court's address and follows the CM/ECF tab to the PACER login
    And the filer types their PACER username and password and presses Enter
    Then the passcode field has a label, asks for a one-time code, and is reached with the keyboard
    When the filer types a passcode their authentication app did not show and presses Enter
    Then the error is announced as an alert, and the focus is on it or on the field in error
    When the filer types the passcode their authentication app shows and presses Enter
    Then PACER shows the redaction requirements
    And every focused element showed its focus and no page scrolled sideways
