@accessibility
Feature: Everyone can link their accounts: with the keyboard alone, on a narrow screen, zoomed in

  Not a question of the FAQ. The court's sites are federal sites: Section 508 asks that they
  be accessible, and WCAG 2.1 AA is the usual yardstick. A filer who cannot use a mouse
  follows the FAQ's route with Tab, Shift+Tab, Enter and Space alone, and the only address
  typed is the court's website. Every page on the way is also audited with axe-core.

  @destructive @linking
  Scenario Outline: Linking the accounts with the keyboard alone on <display>
    Given a filer with an upgraded individual PACER account uses the keyboard alone on <display>
    When the filer types the court's address and follows the CM/ECF tab to the PACER login
    And the filer logs in and ticks the redaction acknowledgement with Space
    And the filer opens "Utilities" and "Link a CM/ECF account to my PACER account" and submits the form empty
    Then the error is announced as an alert, and the focus is on it or on the field in error
    When the filer submits their own CM/ECF login and password and confirms
    Then the confirmation is announced as a status, not as an error
    And every focused element showed its focus, no page scrolled sideways, no mouse was used

    Examples:
      | display                         |
      | a 1280 px wide screen           |
      | a 320 CSS px wide screen        |
      | a 1280 px screen zoomed to 200% |
