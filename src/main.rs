fn main() {
    println!("tandem");
}
