class Button {
  clicks = 0;
  handleClick = () => {
    this.clicks++;
    return this.clicks;
  };
}
const button = new Button();
const { handleClick } = button;
handleClick();
handleClick();
button.clicks;
